# Prices and the refresh that drives every step (one correlation id per refresh).
target_sources(ba_services PRIVATE
    StepReport.h
    PriceCsv.h PriceCsv.cpp
    PriceService.h PriceService.cpp
    CoinCatalog.h CoinCatalog.cpp
    CoinGeckoPlanRules.h CoinGeckoPlanRules.cpp
    RefreshCoordinator.h RefreshCoordinator.cpp
    DemoDataWatch.h DemoDataWatch.cpp
    RefreshOutcome.h RefreshOutcome.cpp
)
