# NewsService with the real Qt WebEngine (offscreen, no sandbox) against FakeNewsSite and loopback
# RSS feeds. Included from tests/services/CMakeLists.txt.
ba_add_test(test_newsservice TIMEOUT 120
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_newsservice.cpp ${BA_WEBENGINE_TEST_SOURCES}
    LIBS ba_services ba_fakes_services)
ba_add_test(test_newssitebackoff SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_newssitebackoff.cpp LIBS ba_services)
