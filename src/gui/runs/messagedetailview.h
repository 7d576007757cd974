// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/messagedecoder.h"

#include <QWidget>

#include <memory>

class QLabel;
class QTabWidget;
class QTableWidget;

namespace porthole {

class ActionFlow;
class MessageValueView;
class RawBytesView;

/// The selected message whole, in four tabs: Value (MessageValueView; a tombstone says so),
/// Headers (name, value; null values marked), Metadata (topic, partition, offset, timestamp
/// and its type, key, sizes, kind, run ids, signature verdict) and Raw (key and value bytes as
/// hex, RawBytesView). A row of buttons above holds the message's actions (it wraps to a second
/// row when narrow: no action hides behind an overflow).
class MessageDetailView : public QWidget
{
    Q_OBJECT
public:
    explicit MessageDetailView(QWidget* parent = nullptr);

    /// Shows a message; `signature` is the table's verdict, `signatureWhy` why (may be empty).
    void setMessage(std::shared_ptr<const KafkaRecord> record, const MessageInfo& info,
                    const QString& signature, const QString& signatureWhy);
    void clear();
    /// Room for the toolbar, the tabs and a dozen lines of value beside the table.
    QSize sizeHint() const override { return {480, 260}; }
    QSize minimumSizeHint() const override { return {240, 160}; }
    /// The message shown (nullptr: none).
    const KafkaRecord* message() const { return m_record.get(); }
    ActionFlow* toolBar() const { return m_toolBar; }
    QTabWidget* tabs() const { return m_tabs; }
    MessageValueView* valueView() const { return m_value; }
    QTableWidget* headersTable() const { return m_headers; }
    QTableWidget* metadataTable() const { return m_metadata; }
    RawBytesView* rawView() const { return m_raw; }

private:
    ActionFlow* m_toolBar;
    QLabel* m_placeholder;
    QTabWidget* m_tabs;
    MessageValueView* m_value;
    QTableWidget* m_headers;
    QTableWidget* m_metadata;
    RawBytesView* m_raw; ///< the Raw tab: key and value as hex
    std::shared_ptr<const KafkaRecord> m_record;

    void fillHeaders(const KafkaRecord& record);
    void fillMetadata(const KafkaRecord& record, const MessageInfo& info, const QString& signature,
                      const QString& signatureWhy);
};

} // namespace porthole
