#include "gui/Theme.h"

#include <QApplication>
#include <QLoggingCategory>
#include <QStyle>
#include <QStyleFactory>
#include <QWidget>

namespace {
Q_LOGGING_CATEGORY(lc, "ba.gui.theme")
} // namespace

namespace ba {

namespace {

// The style the platform chose, from before the first theme was applied, so that "System" can
// return to it.
const QString &systemStyleName()
{
    static const QString name = QApplication::style()->name();
    return name;
}

void useStyle(const QString &name)
{
    if (QApplication::style()->name().compare(name, Qt::CaseInsensitive) == 0) {
        return; // restyling every widget is costly and flickers: only on a real change
    }
    if (QStyle *style = QStyleFactory::create(name)) {
        QApplication::setStyle(style);
    } else {
        qCWarning(lc) << "style" << name << "is not available; keeping" << QApplication::style()->name();
    }
}

// The three colour groups share the active colours; disabled text is dimmed.
void setAll(QPalette &palette, QPalette::ColorRole role, const QColor &colour)
{
    palette.setColor(QPalette::Active, role, colour);
    palette.setColor(QPalette::Inactive, role, colour);
    palette.setColor(QPalette::Disabled, role, colour);
}

struct PaletteColours
{
    QColor window, text, base, alternateBase, button, highlight, highlightedText, toolTipBase, toolTipText,
        placeholder, link, linkVisited, brightText, light, midlight, mid, dark, shadow, disabledText;
};

QPalette makePalette(const PaletteColours &c)
{
    QPalette p;
    setAll(p, QPalette::Window, c.window);
    setAll(p, QPalette::WindowText, c.text);
    setAll(p, QPalette::Base, c.base);
    setAll(p, QPalette::AlternateBase, c.alternateBase);
    setAll(p, QPalette::Text, c.text);
    setAll(p, QPalette::Button, c.button);
    setAll(p, QPalette::ButtonText, c.text);
    setAll(p, QPalette::Highlight, c.highlight);
    setAll(p, QPalette::HighlightedText, c.highlightedText);
    setAll(p, QPalette::ToolTipBase, c.toolTipBase);
    setAll(p, QPalette::ToolTipText, c.toolTipText);
    setAll(p, QPalette::PlaceholderText, c.placeholder);
    setAll(p, QPalette::Link, c.link);
    setAll(p, QPalette::LinkVisited, c.linkVisited);
    setAll(p, QPalette::BrightText, c.brightText);
    setAll(p, QPalette::Light, c.light);
    setAll(p, QPalette::Midlight, c.midlight);
    setAll(p, QPalette::Mid, c.mid);
    setAll(p, QPalette::Dark, c.dark);
    setAll(p, QPalette::Shadow, c.shadow);
    for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText}) {
        p.setColor(QPalette::Disabled, role, c.disabledText);
    }
    p.setColor(QPalette::Disabled, QPalette::Highlight, c.mid);
    return p;
}

} // namespace

void Theme::apply(UiTheme theme)
{
    const QString &systemStyle = systemStyleName();
    switch (theme) {
    case UiTheme::System:
        useStyle(systemStyle);
        // An empty palette resolves to the platform's (and follows the desktop when it changes).
        QApplication::setPalette(QPalette());
        break;
    case UiTheme::Light:
        useStyle(QStringLiteral("Fusion"));
        QApplication::setPalette(lightPalette());
        break;
    case UiTheme::Dark:
        useStyle(QStringLiteral("Fusion"));
        QApplication::setPalette(darkPalette());
        break;
    }
    qCInfo(lc) << "theme" << AppSettings::toString(theme) << "with style" << QApplication::style()->name();
}

QPalette Theme::lightPalette()
{
    // Near-black text on white and light grey; a selection blue deep enough for white text.
    return makePalette({.window = QColor(0xf3, 0xf3, 0xf3),
                        .text = QColor(0x1a, 0x1a, 0x1a),
                        .base = QColor(0xff, 0xff, 0xff),
                        .alternateBase = QColor(0xf5, 0xf6, 0xf7),
                        .button = QColor(0xe9, 0xe9, 0xe9),
                        .highlight = QColor(0x2a, 0x6b, 0xc2),
                        .highlightedText = QColor(0xff, 0xff, 0xff),
                        .toolTipBase = QColor(0xff, 0xff, 0xe1),
                        .toolTipText = QColor(0x1a, 0x1a, 0x1a),
                        .placeholder = QColor(0x67, 0x67, 0x67),
                        .link = QColor(0x0b, 0x57, 0xd0),
                        .linkVisited = QColor(0x6a, 0x1b, 0x9a),
                        .brightText = QColor(0xff, 0xff, 0xff),
                        .light = QColor(0xff, 0xff, 0xff),
                        .midlight = QColor(0xf7, 0xf7, 0xf7),
                        .mid = QColor(0xb8, 0xb8, 0xb8),
                        .dark = QColor(0x9f, 0x9f, 0x9f),
                        .shadow = QColor(0x76, 0x76, 0x76),
                        .disabledText = QColor(0x9a, 0x9a, 0x9a)});
}

QPalette Theme::darkPalette()
{
    // Light grey text on charcoal: a window a shade lighter than the lists and tables it frames.
    return makePalette({.window = QColor(0x2b, 0x2d, 0x30),
                        .text = QColor(0xe6, 0xe6, 0xe6),
                        .base = QColor(0x1f, 0x21, 0x24),
                        .alternateBase = QColor(0x27, 0x2a, 0x2d),
                        .button = QColor(0x36, 0x39, 0x3d),
                        .highlight = QColor(0x2f, 0x6b, 0xc4),
                        .highlightedText = QColor(0xff, 0xff, 0xff),
                        .toolTipBase = QColor(0x3a, 0x3d, 0x41),
                        .toolTipText = QColor(0xf0, 0xf0, 0xf0),
                        .placeholder = QColor(0xa3, 0xa7, 0xab),
                        .link = QColor(0x7c, 0xb7, 0xff),
                        .linkVisited = QColor(0xc7, 0xa4, 0xff),
                        .brightText = QColor(0xff, 0xff, 0xff),
                        .light = QColor(0x4a, 0x4d, 0x51),
                        .midlight = QColor(0x3c, 0x3f, 0x43),
                        .mid = QColor(0x24, 0x26, 0x29),
                        .dark = QColor(0x18, 0x19, 0x1b),
                        .shadow = QColor(0x0b, 0x0b, 0x0c),
                        .disabledText = QColor(0x7f, 0x83, 0x88)});
}

bool Theme::isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightnessF() < 0.5;
}

void Theme::dimText(QWidget *widget)
{
    widget->setForegroundRole(QPalette::PlaceholderText);
}

StatusColors StatusColors::forPalette(const QPalette &palette)
{
    if (Theme::isDark(palette)) {
        return {QColor(0x81, 0xc7, 0x84), QColor(0xff, 0xb7, 0x4d), QColor(0xff, 0x8a, 0x80),
                QColor(0xa8, 0xad, 0xb3)};
    }
    return {QColor(0x1b, 0x6e, 0x20), QColor(0x8a, 0x4b, 0x00), QColor(0xb7, 0x1c, 0x1c),
            QColor(0x5f, 0x63, 0x68)};
}

} // namespace ba
