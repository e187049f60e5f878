# The application icon in every form a package needs, rendered from one SVG at build time:
#   icons/hicolor/<N>x<N>/apps/<id>.png   N = 16 … 512 (Linux menus, AppStream, Flatpak)
#   icons/<id>.ico                        Windows: executable resource and installer
#   icons/<id>.icns                       macOS: the bundle icon
# Tools, first found wins:
#   PNG   rsvg-convert (librsvg2-bin), else ImageMagick (magick / convert)
#   .ico  icotool (icoutils), else ImageMagick
#   .icns png2icns (icnsutils), else iconutil (macOS)
# A form whose tools are missing is not generated; ba_add_app_icons() reports which and why, and
# a platform that needs it (see packaging/) stops at configure time.

set(BA_ICON_PNG_SIZES 16 22 24 32 48 64 128 256 512)
set(BA_ICON_ICO_SIZES 16 24 32 48 64 128 256)
# png2icns knows these sizes (icns types is32/il32, ih32, it32, ic08, ic09).
set(BA_ICON_ICNS_SIZES 16 32 48 128 256 512)

function(_ba_find_icon_tools)
    find_program(BA_RSVG_CONVERT rsvg-convert)
    find_program(BA_IMAGEMAGICK NAMES magick convert)
    find_program(BA_ICOTOOL icotool)
    find_program(BA_PNG2ICNS png2icns)
    find_program(BA_ICONUTIL iconutil)
endfunction()

# Appends the command that renders `svg` to a `size` pixels square PNG `png` to out_var.
function(_ba_render_png_command out_var svg png size)
    if(BA_RSVG_CONVERT)
        set(${out_var} COMMAND "${BA_RSVG_CONVERT}" --width ${size} --height ${size} --keep-aspect-ratio
                               --output "${png}" "${svg}" PARENT_SCOPE)
    else()
        set(${out_var} COMMAND "${BA_IMAGEMAGICK}" -background none -density 384 "${svg}"
                               -resize ${size}x${size} "${png}" PARENT_SCOPE)
    endif()
endfunction()

# ba_add_app_icons(TARGET <name> SVG <file> ID <app id>)
# Creates the custom target <name> (part of ALL) and sets in the caller's scope:
#   BA_ICON_HICOLOR_DIR  folder holding hicolor/<N>x<N>/apps/<id>.png
#   BA_ICON_PNGS         the PNG files
#   BA_ICON_ICO          the .ico file, or empty when it cannot be made here
#   BA_ICON_ICNS         the .icns file, or empty when it cannot be made here
function(ba_add_app_icons)
    cmake_parse_arguments(ARG "" "TARGET;SVG;ID" "" ${ARGN})
    _ba_find_icon_tools()
    if(NOT BA_RSVG_CONVERT AND NOT BA_IMAGEMAGICK)
        message(FATAL_ERROR "The application icons are rendered from ${ARG_SVG} at build time: install "
                            "rsvg-convert (Debian: librsvg2-bin, scripts/setup-deps.sh) or ImageMagick.")
    endif()
    set(out_dir "${CMAKE_BINARY_DIR}/icons")
    set(pngs "")
    set(commands "")
    foreach(size IN LISTS BA_ICON_PNG_SIZES)
        set(png "${out_dir}/hicolor/${size}x${size}/apps/${ARG_ID}.png")
        _ba_render_png_command(render "${ARG_SVG}" "${png}" ${size})
        add_custom_command(OUTPUT "${png}"
            COMMAND ${CMAKE_COMMAND} -E make_directory "${out_dir}/hicolor/${size}x${size}/apps"
            ${render}
            DEPENDS "${ARG_SVG}"
            COMMENT "Rendering the ${size}x${size} application icon"
            VERBATIM)
        list(APPEND pngs "${png}")
        set(png_${size} "${png}")
    endforeach()

    set(ico "${out_dir}/${ARG_ID}.ico")
    set(ico_inputs "")
    foreach(size IN LISTS BA_ICON_ICO_SIZES)
        list(APPEND ico_inputs "${png_${size}}")
    endforeach()
    if(BA_ICOTOOL)
        add_custom_command(OUTPUT "${ico}" COMMAND "${BA_ICOTOOL}" --create --output "${ico}" ${ico_inputs}
            DEPENDS ${ico_inputs} COMMENT "Packing the Windows icon" VERBATIM)
    elseif(BA_IMAGEMAGICK)
        add_custom_command(OUTPUT "${ico}" COMMAND "${BA_IMAGEMAGICK}" ${ico_inputs} "${ico}"
            DEPENDS ${ico_inputs} COMMENT "Packing the Windows icon" VERBATIM)
    else()
        set(ico "")
    endif()

    set(icns "${out_dir}/${ARG_ID}.icns")
    set(icns_inputs "")
    foreach(size IN LISTS BA_ICON_ICNS_SIZES)
        list(APPEND icns_inputs "${png_${size}}")
    endforeach()
    if(BA_PNG2ICNS)
        add_custom_command(OUTPUT "${icns}" COMMAND "${BA_PNG2ICNS}" "${icns}" ${icns_inputs}
            DEPENDS ${icns_inputs} COMMENT "Packing the macOS icon" VERBATIM)
    elseif(BA_ICONUTIL)
        # iconutil reads a folder of icon_<N>x<N>.png files named as Apple documents them.
        set(iconset "${out_dir}/${ARG_ID}.iconset")
        set(copies "")
        foreach(size 16 32 128 256 512) # the sizes an .iconset may hold without @2x
            list(APPEND copies COMMAND ${CMAKE_COMMAND} -E copy "${png_${size}}"
                                       "${iconset}/icon_${size}x${size}.png")
        endforeach()
        add_custom_command(OUTPUT "${icns}"
            COMMAND ${CMAKE_COMMAND} -E make_directory "${iconset}" ${copies}
            COMMAND "${BA_ICONUTIL}" --convert icns --output "${icns}" "${iconset}"
            DEPENDS ${icns_inputs} COMMENT "Packing the macOS icon" VERBATIM)
    else()
        set(icns "")
    endif()

    add_custom_target(${ARG_TARGET} ALL DEPENDS ${pngs} ${ico} ${icns})
    set(BA_ICON_HICOLOR_DIR "${out_dir}/hicolor" PARENT_SCOPE)
    set(BA_ICON_PNGS "${pngs}" PARENT_SCOPE)
    set(BA_ICON_ICO "${ico}" PARENT_SCOPE)
    set(BA_ICON_ICNS "${icns}" PARENT_SCOPE)
endfunction()
