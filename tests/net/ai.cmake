# Tests of the AI narrators (GeminiClient, OpenAiCompatibleClient) and their parsers.
ba_add_test(test_sseparser SOURCES tst_sseparser.cpp LIBS ba_net)
ba_add_test(test_geminiparser SOURCES tst_geminiparser.cpp LIBS ba_net ba_fakes)
ba_add_test(test_geminiclient SOURCES tst_geminiclient.cpp LIBS ba_net ba_fakes)
ba_add_test(test_openaicompatibleclient SOURCES tst_openaicompatibleclient.cpp LIBS ba_net ba_fakes)
ba_add_test(test_openaicompatibleparser SOURCES tst_openaicompatibleparser.cpp LIBS ba_net)
