#pragma once

#include "services/DiagnosticReport.h"

#include <QString>
#include <functional>

class QWidget;

namespace ba {

// Help -> Save diagnostic report…: asks where to save (QFileDialog), then gathers the inputs (only
// now: the database integrity check reads the whole file), builds and writes the report, and tells
// the user when writing failed. Returns the saved path, or empty when cancelled or failed.
//   connect(action, &QAction::triggered, this, [this] {
//       saveDiagnosticReport(window, [this] { return DiagnosticReport::gather(config, metrics, &hub, db); });
//   });
QString saveDiagnosticReport(QWidget *parent, const std::function<DiagnosticReport::Inputs()> &gather);

} // namespace ba
