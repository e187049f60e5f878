# NewsService with the real Qt WebEngine (offscreen, no sandbox) against FakeNewsSite and loopback
# RSS feeds. Included from tests/services/CMakeLists.txt.
ba_add_test(test_newsservice TIMEOUT 120
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_newsservice.cpp
        ${CMAKE_CURRENT_LIST_DIR}/../news/FakeNewsSite.h ${CMAKE_CURRENT_LIST_DIR}/../news/FakeNewsSite.cpp
        ${CMAKE_CURRENT_LIST_DIR}/../news/WebEngineTestMain.h ${BA_WEBENGINE_TEST_SOURCES}
    LIBS ba_services ba_fakes Qt6::Gui)
