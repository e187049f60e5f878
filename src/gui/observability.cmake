# Observability: the log viewer's delegate and category menu, the health panel and the
# Help -> Save diagnostic report… helper and the troubleshooting guide. Included from src/gui/CMakeLists.txt.
target_sources(ba_gui PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/LogDockActions.cpp
    ${CMAKE_CURRENT_LIST_DIR}/LogItemDelegate.h ${CMAKE_CURRENT_LIST_DIR}/LogItemDelegate.cpp
    ${CMAKE_CURRENT_LIST_DIR}/LogCategoryMenu.h ${CMAKE_CURRENT_LIST_DIR}/LogCategoryMenu.cpp
    ${CMAKE_CURRENT_LIST_DIR}/HealthTableModel.h ${CMAKE_CURRENT_LIST_DIR}/HealthTableModel.cpp
    ${CMAKE_CURRENT_LIST_DIR}/HealthPanel.h ${CMAKE_CURRENT_LIST_DIR}/HealthPanel.cpp
    ${CMAKE_CURRENT_LIST_DIR}/DiagnosticReportDialog.h ${CMAKE_CURRENT_LIST_DIR}/DiagnosticReportDialog.cpp
    ${CMAKE_CURRENT_LIST_DIR}/TroubleshootingDialog.h ${CMAKE_CURRENT_LIST_DIR}/TroubleshootingDialog.cpp
)

# The troubleshooting guide is shown in Help, read as ":/docs/troubleshooting.md".
qt_add_resources(ba_gui "gui_docs"
    PREFIX "/"
    BASE "${PROJECT_SOURCE_DIR}"
    FILES "${PROJECT_SOURCE_DIR}/docs/troubleshooting.md"
)
