# Settings and API keys. Included from tests/services/CMakeLists.txt.
ba_add_test(test_appsettings SOURCES tst_appsettings.cpp KeychainTestEnv.h LIBS ba_services)

# No desktop session (the test cuts itself off from D-Bus) plus an in-memory keychain.
ba_add_test(test_keystore SOURCES tst_keystore.cpp tst_keystore_realkeychain.cpp KeychainTestEnv.h
    LIBS ba_services ba_fakes_services)

# The same executable against a real secret service: gnome-keyring in a private D-Bus session.
# Fails (never skips) with a message when dbus-run-session or gnome-keyring-daemon is missing or
# does not start.
add_test(NAME test_keystore_realkeychain
    COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/with-secret-service.sh $<TARGET_FILE:test_keystore> realKeychain)
set_tests_properties(test_keystore_realkeychain PROPERTIES TIMEOUT 120 ENVIRONMENT "QT_QPA_PLATFORM=offscreen")
