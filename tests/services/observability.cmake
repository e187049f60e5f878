# Observability: latency percentiles, health rules, per-source metrics (against the fakes),
# the diagnostic report (real SQLite in a temporary folder) and correlation ids on HTTP lines.
# Included from tests/services/CMakeLists.txt.
ba_add_test(test_latencyreservoir SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_latencyreservoir.cpp LIBS ba_services)
ba_add_test(test_sourcehealth SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_sourcehealth.cpp LIBS ba_services)
ba_add_test(test_sourcemetrics SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_sourcemetrics.cpp LIBS ba_services ba_fakes)
ba_add_test(test_diagnosticreport SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_diagnosticreport.cpp LIBS ba_services)
ba_add_test(test_requestcorrelation SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_requestcorrelation.cpp
    LIBS ba_services ba_fakes)
