// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "settingsnotifier.h"

#include <QSettings>
#include <QString>
#include <QVariant>

#include <type_traits>

namespace porthole {

/// One typed preference: its QSettings key and its default declared together, so a caller never
/// spells a key twice or guesses a default. Values live in the application's QSettings (tests
/// point QSettings at a throw-away folder); secrets never go here, the OS keyring keeps them.
template <typename T> class Setting
{
public:
    Setting(const char* key, T defaultValue)
        : m_key(QString::fromLatin1(key)), m_default(std::move(defaultValue))
    {}

    const QString& key() const { return m_key; }
    const T& defaultValue() const { return m_default; }

    /// The stored value, or the default when it is missing or of another type.
    T value() const
    {
        const QSettings settings;
        return read(settings);
    }
    /// As value(), from an already open QSettings.
    T read(const QSettings& settings) const
    {
        QVariant v = settings.value(m_key);
        if constexpr (std::is_same_v<T, bool>) {
            // An INI file keeps bools as text; any other word is not a bool ("banana" would
            // convert to true).
            if (v.typeId() == QMetaType::QString) {
                const QString s = v.toString();
                return s == QLatin1String("true")    ? true
                       : s == QLatin1String("false") ? false
                                                     : m_default;
            }
        }
        if (!v.isValid() || !v.convert(QMetaType::fromType<T>()))
            return m_default;
        return v.value<T>();
    }
    /// Stores `value` when it differs from what is stored, and tells SettingsNotifier; the
    /// same value again writes nothing.
    void setValue(const T& value) const
    {
        QSettings settings;
        if (settings.contains(m_key) && read(settings) == value)
            return;
        settings.setValue(m_key, QVariant::fromValue(value));
        Q_EMIT SettingsNotifier::instance()->changed(m_key);
    }
    /// Calls `f(value())` whenever this setting changes, while `context` lives.
    template <typename F> QMetaObject::Connection onChange(const QObject* context, F f) const
    {
        return QObject::connect(SettingsNotifier::instance(), &SettingsNotifier::changed, context,
                                [key = m_key, this, f](const QString& changed) {
                                    if (changed == key)
                                        f(value());
                                });
    }
    /// Forgets the stored value: value() gives the default again.
    void reset() const
    {
        QSettings settings;
        settings.remove(m_key);
    }
    /// Whether a value is stored.
    bool isSet() const
    {
        const QSettings settings;
        return settings.contains(m_key);
    }

private:
    QString m_key;
    T m_default;
};

} // namespace porthole
