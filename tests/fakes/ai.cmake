# Loopback fakes of the AI narrators: Gemini REST v1beta and an OpenAI-compatible chat server.
target_sources(ba_fakes PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/FakeGemini.h ${CMAKE_CURRENT_LIST_DIR}/FakeGemini.cpp
    ${CMAKE_CURRENT_LIST_DIR}/FakeGeminiData.cpp
    ${CMAKE_CURRENT_LIST_DIR}/FakeOpenAi.h ${CMAKE_CURRENT_LIST_DIR}/FakeOpenAi.cpp
)
