ba_add_test(test_priceservice SOURCES tst_priceservice.cpp LIBS ba_services ba_fakes)
ba_add_test(test_coincatalog SOURCES tst_coincatalog.cpp LIBS ba_services ba_fakes)
