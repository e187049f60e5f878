# PriceChartView and its parts in chart/: the only code that uses Qt Charts (see DESIGN.md), so
# that a later move to Qt Graphs touches these files alone (ba_gui links Qt6::Charts). Included
# from src/gui/CMakeLists.txt.
target_sources(ba_gui PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/PriceChartView.h ${CMAKE_CURRENT_LIST_DIR}/PriceChartView.cpp
    ${CMAKE_CURRENT_LIST_DIR}/chart/ChartCanvas.h ${CMAKE_CURRENT_LIST_DIR}/chart/ChartCanvas.cpp
    ${CMAKE_CURRENT_LIST_DIR}/chart/ChartData.h ${CMAKE_CURRENT_LIST_DIR}/chart/ChartData.cpp
    ${CMAKE_CURRENT_LIST_DIR}/chart/ChartFormat.h ${CMAKE_CURRENT_LIST_DIR}/chart/ChartFormat.cpp
    ${CMAKE_CURRENT_LIST_DIR}/chart/ChartHeader.h ${CMAKE_CURRENT_LIST_DIR}/chart/ChartHeader.cpp
    ${CMAKE_CURRENT_LIST_DIR}/chart/ChartNotices.h ${CMAKE_CURRENT_LIST_DIR}/chart/ChartNotices.cpp
    ${CMAKE_CURRENT_LIST_DIR}/chart/ChartReadout.h ${CMAKE_CURRENT_LIST_DIR}/chart/ChartReadout.cpp
    ${CMAKE_CURRENT_LIST_DIR}/chart/ChartTheme.h ${CMAKE_CURRENT_LIST_DIR}/chart/ChartTheme.cpp
    ${CMAKE_CURRENT_LIST_DIR}/chart/ChartToolBar.h ${CMAKE_CURRENT_LIST_DIR}/chart/ChartToolBar.cpp
    ${CMAKE_CURRENT_LIST_DIR}/chart/ChartTypes.h
    ${CMAKE_CURRENT_LIST_DIR}/chart/CrosshairItem.h ${CMAKE_CURRENT_LIST_DIR}/chart/CrosshairItem.cpp
    ${CMAKE_CURRENT_LIST_DIR}/chart/ExtremaIndex.h ${CMAKE_CURRENT_LIST_DIR}/chart/ExtremaIndex.cpp
    ${CMAKE_CURRENT_LIST_DIR}/chart/GridItem.h ${CMAKE_CURRENT_LIST_DIR}/chart/GridItem.cpp
    ${CMAKE_CURRENT_LIST_DIR}/chart/InteractiveChartView.h ${CMAKE_CURRENT_LIST_DIR}/chart/InteractiveChartView.cpp
    ${CMAKE_CURRENT_LIST_DIR}/chart/PillLabel.h ${CMAKE_CURRENT_LIST_DIR}/chart/PillLabel.cpp
    ${CMAKE_CURRENT_LIST_DIR}/chart/PriceFillItem.h ${CMAKE_CURRENT_LIST_DIR}/chart/PriceFillItem.cpp
    ${CMAKE_CURRENT_LIST_DIR}/chart/PricePlot.h ${CMAKE_CURRENT_LIST_DIR}/chart/PricePlot.cpp
    ${CMAKE_CURRENT_LIST_DIR}/chart/RasterBands.h
    ${CMAKE_CURRENT_LIST_DIR}/chart/TimeWindow.h ${CMAKE_CURRENT_LIST_DIR}/chart/TimeWindow.cpp
    ${CMAKE_CURRENT_LIST_DIR}/chart/VolumeBarsItem.h ${CMAKE_CURRENT_LIST_DIR}/chart/VolumeBarsItem.cpp
)
