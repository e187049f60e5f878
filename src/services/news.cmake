# News: browser profile -> its RSS fallback -> other feeds -> NewsStore. Included from
# src/services/CMakeLists.txt.
target_sources(ba_services PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/NewsService.h ${CMAKE_CURRENT_LIST_DIR}/NewsService.cpp
)
