# Observability: per-source request metrics and health, the diagnostic report.
# Included from src/services/CMakeLists.txt.
target_sources(ba_services PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/LatencyReservoir.h ${CMAKE_CURRENT_LIST_DIR}/LatencyReservoir.cpp
    ${CMAKE_CURRENT_LIST_DIR}/SourceHealth.h ${CMAKE_CURRENT_LIST_DIR}/SourceHealth.cpp
    ${CMAKE_CURRENT_LIST_DIR}/SourceMetrics.h ${CMAKE_CURRENT_LIST_DIR}/SourceMetrics.cpp
    ${CMAKE_CURRENT_LIST_DIR}/DatabaseStats.h ${CMAKE_CURRENT_LIST_DIR}/DatabaseStats.cpp
    ${CMAKE_CURRENT_LIST_DIR}/DiagnosticReport.h ${CMAKE_CURRENT_LIST_DIR}/DiagnosticReport.cpp
)
