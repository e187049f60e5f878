# Windows: an NSIS installer (cpack -G NSIS) or a ZIP, with Qt's DLLs, plugins, translations and
# Qt WebEngine's process deployed beside the programs by windeployqt (through Qt's deploy script).
# Configured here, built on a Windows host: see packaging/README.md. Included from
# packaging/CMakeLists.txt.
if(NOT BA_ICON_ICO)
    message(FATAL_ERROR "The Windows icon is packed from the SVG at build time: install icoutils "
                        "(icotool) or ImageMagick (magick) and configure again.")
endif()

# A GUI program (no console window), with the icon as its resource.
set(ba_rc "${CMAKE_BINARY_DIR}/packaging/bitcoin-analyzer.rc")
configure_file("${CMAKE_CURRENT_SOURCE_DIR}/windows/bitcoin-analyzer.rc.in" "${ba_rc}" @ONLY)
target_sources(bitcoin-analyzer PRIVATE "${ba_rc}")
set_target_properties(bitcoin-analyzer PROPERTIES WIN32_EXECUTABLE ON)
add_dependencies(bitcoin-analyzer ba_app_icons)

install(TARGETS ${BA_PROGRAMS} ${BA_HELPER_PROGRAMS} RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
# windeployqt: Qt's DLLs, the platform, SQL, image and icon plugins, qtbase_*.qm and Qt WebEngine
# (QtWebEngineProcess.exe and its resources), beside bitcoin-analyzer.exe.
qt_generate_deploy_app_script(TARGET bitcoin-analyzer FILENAME_VARIABLE ba_deploy_script)
install(SCRIPT "${ba_deploy_script}")

set(CPACK_GENERATOR "NSIS;ZIP")
set(CPACK_NSIS_DISPLAY_NAME "${BA_DISPLAY_NAME}")
set(CPACK_NSIS_PACKAGE_NAME "${BA_DISPLAY_NAME}")
set(CPACK_NSIS_MUI_ICON "${BA_ICON_ICO}")
set(CPACK_NSIS_MUI_UNIICON "${BA_ICON_ICO}")
set(CPACK_NSIS_INSTALLED_ICON_NAME "bin\\\\bitcoin-analyzer.exe")
set(CPACK_NSIS_URL_INFO_ABOUT "${PROJECT_HOMEPAGE_URL}")
set(CPACK_NSIS_CONTACT "dev@example.org")
set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
# A Start menu entry that starts the application (CPACK_PACKAGE_EXECUTABLES names it).
set(CPACK_NSIS_EXECUTABLES_DIRECTORY "bin")
set(CPACK_NSIS_MUI_FINISHPAGE_RUN "bitcoin-analyzer.exe")
