# macOS: an application bundle, bitcoin-analyzer.app (shown as "Bitcoin Analyzer"), made
# self-contained by macdeployqt (through Qt's deploy script) and shipped in a disk image
# (cpack -G DragNDrop). Configured here, built on a Mac: see packaging/README.md. Included from
# packaging/CMakeLists.txt.
if(NOT BA_ICON_ICNS)
    message(FATAL_ERROR "The macOS icon is packed from the SVG at build time: install icnsutils "
                        "(png2icns) or use Xcode's iconutil, and configure again.")
endif()

set(MACOSX_BUNDLE_ICON_FILE "${BA_APP_ID}.icns")
set_source_files_properties("${BA_ICON_ICNS}" PROPERTIES MACOSX_PACKAGE_LOCATION "Resources" GENERATED ON)
target_sources(bitcoin-analyzer PRIVATE "${BA_ICON_ICNS}")
add_dependencies(bitcoin-analyzer ba_app_icons)
set_target_properties(bitcoin-analyzer PROPERTIES
    MACOSX_BUNDLE ON
    MACOSX_BUNDLE_INFO_PLIST "${CMAKE_CURRENT_SOURCE_DIR}/macos/Info.plist.in"
    MACOSX_BUNDLE_GUI_IDENTIFIER "${BA_APP_ID}"
    MACOSX_BUNDLE_BUNDLE_NAME "${BA_DISPLAY_NAME}"
    MACOSX_BUNDLE_BUNDLE_VERSION "${PROJECT_VERSION}"
    MACOSX_BUNDLE_SHORT_VERSION_STRING "${PROJECT_VERSION}"
    MACOSX_BUNDLE_COPYRIGHT "© 2026 The Bitcoin Analyzer developers, GPL-3.0-or-later")

install(TARGETS bitcoin-analyzer BUNDLE DESTINATION .)
# Helpers live inside the bundle, beside the main executable.
if(BA_HELPER_PROGRAMS)
    install(TARGETS ${BA_HELPER_PROGRAMS} RUNTIME DESTINATION "bitcoin-analyzer.app/Contents/MacOS")
endif()
# macdeployqt: Qt's frameworks, plugins, translations and QtWebEngineProcess.app into the bundle.
qt_generate_deploy_app_script(TARGET bitcoin-analyzer FILENAME_VARIABLE ba_deploy_script)
install(SCRIPT "${ba_deploy_script}")

set(CPACK_GENERATOR "DragNDrop")
set(CPACK_DMG_VOLUME_NAME "${BA_DISPLAY_NAME}")
set(CPACK_DMG_FORMAT "UDBZ")
