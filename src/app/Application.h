#pragma once

#include <functional>

class QMainWindow;

namespace ba {

// The whole program behind main(): log hub first, then QApplication, configuration, data dir,
// translations and the AppContext. onWindowShown lets benchmarks observe the window.
int runApplication(int argc, char *argv[], const std::function<void(QMainWindow *)> &onWindowShown = {});

} // namespace ba
