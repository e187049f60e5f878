# SettingsDialog (offscreen) with an in-memory keychain. Included from tests/gui/CMakeLists.txt.
ba_add_test(test_settingsdialog SOURCES tst_settingsdialog.cpp LIBS ba_gui ba_fakes_services)
