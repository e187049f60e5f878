# SettingsDialog (ui/SettingsDialog.ui) and its API key rows, on AppSettings and KeyStore.
# Included from src/gui/CMakeLists.txt.
target_sources(ba_gui PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/ApiKeyField.h ${CMAKE_CURRENT_LIST_DIR}/ApiKeyField.cpp
    ${CMAKE_CURRENT_LIST_DIR}/SettingsDialog.h ${CMAKE_CURRENT_LIST_DIR}/SettingsDialog.cpp
)
