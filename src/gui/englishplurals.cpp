// SPDX-License-Identifier: GPL-3.0-or-later
#include "englishplurals.h"

#include <QCoreApplication>

namespace porthole {

QString EnglishPlurals::translate(const char*, const char* sourceText, const char*, int n) const
{
    const QString text = QString::fromUtf8(sourceText);
    if (n < 0 || !text.contains(QLatin1String("(s)")))
        return {}; // not ours: the source text is used
    QString out = text;
    out.replace(QLatin1String("(s)"), n == 1 ? QString() : QStringLiteral("s"));
    return out;
}

void EnglishPlurals::install()
{
    auto* app = QCoreApplication::instance();
    if (!app || app->findChild<EnglishPlurals*>())
        return;
    QCoreApplication::installTranslator(new EnglishPlurals(app));
}

} // namespace porthole
