# News: the site's page (hidden browser) beside its feeds (NewsFeedLane) -> NewsStore, with a
# back-off for sites that block the browser. Included from src/services/CMakeLists.txt.
target_sources(ba_services PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/NewsActivity.h
    ${CMAKE_CURRENT_LIST_DIR}/NewsNotes.h ${CMAKE_CURRENT_LIST_DIR}/NewsNotes.cpp
    ${CMAKE_CURRENT_LIST_DIR}/NewsSiteBackoff.h ${CMAKE_CURRENT_LIST_DIR}/NewsSiteBackoff.cpp
    ${CMAKE_CURRENT_LIST_DIR}/NewsFeedLane.h ${CMAKE_CURRENT_LIST_DIR}/NewsFeedLane.cpp
    ${CMAKE_CURRENT_LIST_DIR}/NewsService.h ${CMAKE_CURRENT_LIST_DIR}/NewsService.cpp
)
