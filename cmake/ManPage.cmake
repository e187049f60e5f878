# The manual page, generated at build time from the program's own --help and --version by
# help2man, so that its OPTIONS section cannot fall behind the command line. The sections --help
# does not hold (environment, files, exit status, examples) come from an include file;
# tests/packaging/check-manpage.sh fails when an option or environment variable is missing.

# ba_add_man_page(TARGET <name> PROGRAM <executable target> INCLUDE <file.h2m>)
# Creates the custom target <name> (part of ALL) and sets in the caller's scope:
#   BA_MAN_PAGE     the roff source, <program>.1
#   BA_MAN_PAGE_GZ  the same compressed as Debian installs it, <program>.1.gz
function(ba_add_man_page)
    cmake_parse_arguments(ARG "" "TARGET;PROGRAM;INCLUDE" "" ${ARGN})
    find_program(BA_HELP2MAN help2man)
    find_program(BA_GZIP gzip)
    if(NOT BA_HELP2MAN OR NOT BA_GZIP)
        message(FATAL_ERROR "The manual page is generated with help2man and gzip: install them "
                            "(Debian: help2man gzip, scripts/setup-deps.sh).")
    endif()
    set(page "${CMAKE_BINARY_DIR}/man/${ARG_PROGRAM}.1")
    # The program runs without a display and in English, whatever the build machine's session;
    # SOURCE_DATE_EPOCH (when set) fixes the date in the page's header.
    add_custom_command(OUTPUT "${page}" "${page}.gz"
        COMMAND ${CMAKE_COMMAND} -E make_directory "${CMAKE_BINARY_DIR}/man"
        COMMAND ${CMAKE_COMMAND} -E env QT_QPA_PLATFORM=offscreen LC_ALL=C.UTF-8 LANGUAGE=
                "${BA_HELP2MAN}" --no-info --section=1 --include=${ARG_INCLUDE} --output=${page}
                "$<TARGET_FILE:${ARG_PROGRAM}>"
        # -n: no name or time stamp inside the archive (reproducible; lintian checks it).
        COMMAND "${BA_GZIP}" -9 -n --force --keep "${page}"
        DEPENDS ${ARG_PROGRAM} "${ARG_INCLUDE}"
        COMMENT "Generating the manual page of ${ARG_PROGRAM} from its --help"
        VERBATIM)
    add_custom_target(${ARG_TARGET} ALL DEPENDS "${page}" "${page}.gz")
    set(BA_MAN_PAGE "${page}" PARENT_SCOPE)
    set(BA_MAN_PAGE_GZ "${page}.gz" PARENT_SCOPE)
endfunction()
