# Builds policy_qt_probe and passes only if the build fails on the Qt header itself
# (not for some other reason, which would prove nothing).
execute_process(COMMAND ${CMAKE_COMMAND} --build ${BUILD_DIR} --target policy_qt_probe
                RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE output)
if(result EQUAL 0)
    message(FATAL_ERROR "model/policy compiled a Qt include: the engine must not see Qt")
endif()
if(NOT output MATCHES "QString: No such file or directory")
    message(FATAL_ERROR "policy_qt_probe failed, but not on the Qt include:\n${output}")
endif()
message(STATUS "model/policy cannot include Qt headers, as intended")
