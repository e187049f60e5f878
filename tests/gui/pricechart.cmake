# PriceChartView and its parts in src/gui/chart/. Included from tests/gui/CMakeLists.txt.
ba_add_test(test_pricechartview SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_pricechartview.cpp LIBS ba_gui)
ba_add_test(test_chartformat SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_chartformat.cpp LIBS ba_gui)
ba_add_test(test_chartdata SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_chartdata.cpp LIBS ba_gui)
ba_add_test(test_timewindow SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_timewindow.cpp LIBS ba_gui)
# PricePresenter on the real chart and window, against the loopback CoinGecko and real SQLite.
ba_add_test(test_pricepresenter SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_pricepresenter.cpp LIBS ba_gui ba_fakes_services)
