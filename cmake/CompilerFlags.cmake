# Warnings and hardening for every target of ours, through the INTERFACE target ba_strict, in the
# spelling of the compiler at hand (GCC and Clang here; MSVC for the Windows recipe in packaging/).

add_library(ba_strict INTERFACE)

if(MSVC)
    # /W4 is MSVC's -Wall -Wextra; /permissive- and /Zc:__cplusplus are what Qt 6 expects anyway.
    target_compile_options(ba_strict INTERFACE /W4 /permissive- /Zc:__cplusplus /utf-8)
    if(BA_WERROR)
        target_compile_options(ba_strict INTERFACE /WX)
    endif()
elseif(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    target_compile_options(ba_strict INTERFACE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor)
    if(BA_WERROR)
        target_compile_options(ba_strict INTERFACE -Werror)
    endif()
    # Hardening a distribution expects of a binary (lintian's hardening tags): stack protector,
    # fortified libc calls where the optimiser can see buffer sizes, and read-only relocations
    # bound at start-up. Sanitizer and fuzzing builds bring their own instrumentation.
    if(NOT CMAKE_CXX_FLAGS MATCHES "-fsanitize")
        target_compile_options(ba_strict INTERFACE -fstack-protector-strong
            "$<$<NOT:$<CONFIG:Debug>>:-U_FORTIFY_SOURCE;-D_FORTIFY_SOURCE=2>")
        if(NOT APPLE)
            target_link_options(ba_strict INTERFACE "LINKER:-z,relro" "LINKER:-z,now")
        endif()
    endif()
else()
    message(WARNING "No warning flags known for ${CMAKE_CXX_COMPILER_ID}; building with its defaults.")
endif()

target_compile_definitions(ba_strict INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CAST_FROM_BYTEARRAY
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_CONTEXTLESS_CONNECT
    QT_NO_KEYWORDS
    QT_USE_QSTRINGBUILDER
    QT_STRICT_ITERATORS
    QT_DISABLE_DEPRECATED_BEFORE=0x060400)

# Position-independent executables (ASLR); Qt's own headers require PIC code as well.
set(CMAKE_POSITION_INDEPENDENT_CODE ON)
include(CheckPIESupported)
check_pie_supported(LANGUAGES CXX)
