# NewsView: the news table (model + filter proxy) with search, source filter and detail pane.
# Included from src/gui/CMakeLists.txt.
target_sources(ba_gui PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/NewsTableModel.h ${CMAKE_CURRENT_LIST_DIR}/NewsTableModel.cpp
    ${CMAKE_CURRENT_LIST_DIR}/NewsFilterProxy.h ${CMAKE_CURRENT_LIST_DIR}/NewsFilterProxy.cpp
    ${CMAKE_CURRENT_LIST_DIR}/NewsDetailPane.h ${CMAKE_CURRENT_LIST_DIR}/NewsDetailPane.cpp
    ${CMAKE_CURRENT_LIST_DIR}/NewsActivityBar.h ${CMAKE_CURRENT_LIST_DIR}/NewsActivityBar.cpp
    ${CMAKE_CURRENT_LIST_DIR}/NewsView.h ${CMAKE_CURRENT_LIST_DIR}/NewsView.cpp
)
