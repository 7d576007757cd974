// SPDX-License-Identifier: GPL-3.0-or-later
#include "session.h"

#include "connectionstate.h"
#include "models/groupcommits.h"
#include "models/runledger.h"
#include "portaccount.h"
#include "renderinputs.h"
#include "runselection.h"

namespace porthole {

Session::Session(Sandbox* sandbox, QObject* parent)
    : QObject(parent), m_sandbox(sandbox), m_account(new PortAccount(this)),
      m_connection(new ConnectionState(m_account, this)), m_render(new RenderInputs(this)),
      m_selection(new RunSelection(this)), m_ledger(new RunLedger(this)),
      m_groupCommits(new GroupCommits(this))
{
    setObjectName(QStringLiteral("session"));
    m_connection->setSandbox(sandbox);
    // Another connection shows other messages: the selected one is no longer on screen.
    connect(m_connection, &ConnectionState::changed, m_selection, &RunSelection::clear);
}

Session::~Session() = default;

} // namespace porthole
