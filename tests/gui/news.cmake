# NewsView, its table model and filter proxy: offscreen widget tests. Included from
# tests/gui/CMakeLists.txt.
ba_add_test(test_newsview SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_newsview.cpp LIBS ba_gui)
