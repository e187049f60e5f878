#pragma once

#include "domain/AppConfig.h"

#include <QStringList>

namespace ba {

// Parses the command line of DESIGN.md's contract into the command-line layer of ConfigSources.
class CommandLine
{
public:
    enum class Outcome
    {
        Run,
        ShowHelp,
        ShowVersion,
        Error
    };

    struct Result
    {
        Outcome outcome = Outcome::Run;
        QHash<QString, QString> values; // ConfigKeys name -> value ("1" for flags)
        QString text;                   // help text, version text or the one-line error
    };

    static Result parse(const QStringList &arguments);
};

} // namespace ba
