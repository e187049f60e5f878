# AI narrators (Gemini, OpenAI-compatible local servers) and the SSE parser they share.
target_sources(ba_net PRIVATE
    # Shared by every JSON parser in ba_net, CoinGeckoParser included.
    ${CMAKE_CURRENT_LIST_DIR}/JsonReading.h ${CMAKE_CURRENT_LIST_DIR}/JsonReading.cpp
    ${CMAKE_CURRENT_LIST_DIR}/AiProvider.h
    ${CMAKE_CURRENT_LIST_DIR}/SseParser.h ${CMAKE_CURRENT_LIST_DIR}/SseParser.cpp
    ${CMAKE_CURRENT_LIST_DIR}/AiHttpGeneration.h ${CMAKE_CURRENT_LIST_DIR}/AiHttpGeneration.cpp
    ${CMAKE_CURRENT_LIST_DIR}/GeminiParser.h ${CMAKE_CURRENT_LIST_DIR}/GeminiParser.cpp
    ${CMAKE_CURRENT_LIST_DIR}/GeminiClient.h ${CMAKE_CURRENT_LIST_DIR}/GeminiClient.cpp
)
target_sources(ba_net PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/OpenAiCompatibleParser.h ${CMAKE_CURRENT_LIST_DIR}/OpenAiCompatibleParser.cpp
    ${CMAKE_CURRENT_LIST_DIR}/OpenAiCompatibleClient.h ${CMAKE_CURRENT_LIST_DIR}/OpenAiCompatibleClient.cpp
)
