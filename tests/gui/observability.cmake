# Log viewer (model, proxy, delegate, category menu, dock) and health panel: offscreen widget tests.
# Included from tests/gui/CMakeLists.txt.
ba_add_test(test_logitemdelegate SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_logitemdelegate.cpp LIBS ba_gui)
ba_add_test(test_logcategorymenu SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_logcategorymenu.cpp LIBS ba_gui)
ba_add_test(test_healthpanel SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_healthpanel.cpp LIBS ba_gui)
ba_add_test(test_databaserecovery SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_databaserecovery.cpp LIBS ba_gui)
