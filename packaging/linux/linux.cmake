# Linux: DEB and TGZ. The programs, the desktop entry, AppStream metadata, hicolor icons, the
# manual page and the Debian documentation files (copyright, changelog). Included from
# packaging/CMakeLists.txt.
install(TARGETS ${BA_PROGRAMS} RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
if(BA_HELPER_PROGRAMS)
    install(TARGETS ${BA_HELPER_PROGRAMS} RUNTIME DESTINATION ${BA_HELPER_DIR})
endif()

set(linux_dir "${CMAKE_CURRENT_SOURCE_DIR}/linux")
install(FILES "${linux_dir}/${BA_APP_ID}.desktop" DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES "${linux_dir}/${BA_APP_ID}.metainfo.xml" DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
install(DIRECTORY "${BA_ICON_HICOLOR_DIR}" DESTINATION ${CMAKE_INSTALL_DATADIR}/icons)
install(FILES "${PROJECT_SOURCE_DIR}/resources/icons/bitcoin-analyzer.svg"
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps RENAME ${BA_APP_ID}.svg)

# The manual page runs the program at build time: not when cross-compiling, nor in a Flatpak
# (BA_INSTALL_MAN_PAGE=OFF).
if(BA_INSTALL_MAN_PAGE AND NOT CMAKE_CROSSCOMPILING)
    include(ManPage)
    ba_add_man_page(TARGET ba_man_page PROGRAM bitcoin-analyzer INCLUDE "${linux_dir}/bitcoin-analyzer.h2m")
    install(FILES "${BA_MAN_PAGE_GZ}" DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
endif()

# Debian policy: the copyright file as it is, the changelog of a native package as changelog.gz.
set(doc_dir "${CMAKE_INSTALL_DATADIR}/doc/bitcoin-analyzer")
set(changelog_gz "${CMAKE_BINARY_DIR}/packaging/changelog.gz")
add_custom_command(OUTPUT "${changelog_gz}"
    COMMAND ${CMAKE_COMMAND} -E make_directory "${CMAKE_BINARY_DIR}/packaging"
    COMMAND sh -c "gzip -9 -n < \"$1\" > \"$2\"" sh "${linux_dir}/changelog" "${changelog_gz}"
    DEPENDS "${linux_dir}/changelog" COMMENT "Compressing the package changelog" VERBATIM)
add_custom_target(ba_package_changelog ALL DEPENDS "${changelog_gz}")
install(FILES "${linux_dir}/copyright" "${changelog_gz}" DESTINATION "${doc_dir}")

# Debian package (cpack -G DEB); scripts/package-check.sh builds it, lints it, installs it and
# removes it again in every test run.
set(CPACK_GENERATOR "DEB;TGZ")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION "misc")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${PROJECT_HOMEPAGE_URL}")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# dpkg-shlibdeps sees the libraries the programs link, not what Qt loads at run time: the SQLite
# driver (the cache; without it the app cannot start), the SVG image and icon plugins (toolbar and
# window icons) and Qt WebEngine's helper process (reads the news page).
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-sqlite, libqt6svg6, libqt6webenginecore6-bin")
# Wayland sessions, Qt's own dialogs in French, and a Secret Service keyring for the API keys.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-wayland, qt6-translations-l10n, gnome-keyring | kwalletmanager")
# A split-off debug package (bitcoin-analyzer-dbgsym_*.ddeb) when the build has debug info;
# scripts/package.sh builds it from the "package" preset (RelWithDebInfo).
if(CMAKE_BUILD_TYPE STREQUAL "RelWithDebInfo")
    set(CPACK_DEBIAN_DEBUGINFO_PACKAGE ON)
endif()
