# AnalysisView and its Markdown renderer: offscreen widget tests. Included from tests/gui/CMakeLists.txt.
ba_add_test(test_analysisview SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_analysisview.cpp LIBS ba_gui ba_fakes Qt6::Network)
