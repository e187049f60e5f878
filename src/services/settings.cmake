# Settings: typed QSettings access (no secrets) and API keys in the system keychain (QtKeychain).
# Included from src/services/CMakeLists.txt.
find_package(Qt6Keychain REQUIRED)
target_sources(ba_services PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/AppSettings.h ${CMAKE_CURRENT_LIST_DIR}/AppSettings.cpp
    ${CMAKE_CURRENT_LIST_DIR}/SecretBackend.h ${CMAKE_CURRENT_LIST_DIR}/SecretBackend.cpp
    ${CMAKE_CURRENT_LIST_DIR}/KeyStore.h ${CMAKE_CURRENT_LIST_DIR}/KeyStore.cpp
)
target_link_libraries(ba_services PUBLIC qt6keychain)
