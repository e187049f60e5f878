# AnalysisView (Markdown rendered inertly, history, streaming) on top of ba_services.
# Included from src/gui/CMakeLists.txt.
target_sources(ba_gui PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/MarkdownRenderer.h ${CMAKE_CURRENT_LIST_DIR}/MarkdownRenderer.cpp
    ${CMAKE_CURRENT_LIST_DIR}/AnalysisHistoryModel.h ${CMAKE_CURRENT_LIST_DIR}/AnalysisHistoryModel.cpp
    ${CMAKE_CURRENT_LIST_DIR}/AnalysisView.h ${CMAKE_CURRENT_LIST_DIR}/AnalysisView.cpp
)
