// SPDX-License-Identifier: GPL-3.0-or-later
#include "portsignature.h"

#include "pythonjson.h"

#include <QByteArray>
#include <QCryptographicHash>
#include <QMessageAuthenticationCode>
#include <charconv>

namespace porthole {
namespace {

using PythonJson::Node;

bool hasLoneSurrogate(const Node& n)
{
    if (n.loneSurrogate)
        return true;
    for (const Node& c : n.children)
        if (hasLoneSurrogate(c))
            return true;
    return false;
}

// End (one past the closing quote) of the JSON string literal starting at `begin`.
size_t stringEnd(std::string_view text, size_t begin)
{
    size_t i = begin + 1;
    while (i < text.size() && text[i] != '"')
        i += text[i] == '\\' ? 2 : 1;
    return i + 1;
}

} // namespace

std::optional<PortSignature::Prepared> PortSignature::prepare(std::string_view message,
                                                              std::string* error)
{
    std::string why;
    std::optional<Node> root = PythonJson::parse(message, &why);
    if (!root) {
        *error = "not JSON that Python's json.loads reads: " + why;
        return std::nullopt;
    }
    if (root->type != Node::Type::Object) {
        *error = "not a JSON object (only an object can carry headers)";
        return std::nullopt;
    }
    Prepared p;
    const Node* headers = root->member("headers");
    std::string kept; // the other headers' members, as they were written
    if (headers) {
        if (headers->type != Node::Type::Object) {
            *error = "its \"headers\" is not an object";
            return std::nullopt;
        }
        for (size_t i = 0; i < headers->keys.size(); ++i) {
            const std::string& k = headers->keys[i];
            if (k == kSignatureHeader || k == kTimestampHeader)
                continue;
            const size_t kb = headers->keyBegins[i];
            kept += message.substr(kb, stringEnd(message, kb) - kb);
            kept += ':';
            const Node& v = headers->children[i];
            kept += message.substr(v.begin, v.end - v.begin);
            kept += ',';
        }
        p.head = std::string(message.substr(0, headers->begin)) + '{' + kept;
        p.tail = "}" + std::string(message.substr(headers->end));
    } else {
        // Port's messages start with "headers"; so does a signed one made from a bare body.
        const size_t open = root->begin + 1;
        p.head = std::string(message.substr(0, open)) + "\"headers\":{";
        p.tail =
            std::string(root->children.empty() ? "}" : "},") + std::string(message.substr(open));
        root->keys.insert(root->keys.begin(), "headers");
        Node empty;
        empty.type = Node::Type::Object;
        root->children.insert(root->children.begin(), std::move(empty));
        root->keyBegins.insert(root->keyBegins.begin(), 0);
    }
    p.head += "\"X-Port-Signature\":\"";
    p.middle = "\",\"X-Port-Timestamp\":";
    Node* h = root->member("headers");
    h->remove(kSignatureHeader);
    h->remove(kTimestampHeader);
    p.canonical = PythonJson::dumps(*root);
    p.loneSurrogate = hasLoneSurrogate(*root);
    return p;
}

std::string PortSignature::sign(const Prepared& p, int64_t timestamp, std::string_view secret)
{
    const std::string ts = std::to_string(timestamp);
    return p.head + signature(p.canonical, ts, secret) + p.middle + ts + p.tail;
}

std::optional<std::string> PortSignature::sign(std::string_view message, int64_t timestamp,
                                               std::string_view secret, std::string* error)
{
    const auto p = prepare(message, error);
    if (!p)
        return std::nullopt;
    return sign(*p, timestamp, secret);
}

std::string PortSignature::signature(std::string_view canonical, std::string_view timestamp,
                                     std::string_view secret)
{
    QMessageAuthenticationCode mac(QCryptographicHash::Sha256,
                                   QByteArray(secret.data(), qsizetype(secret.size())));
    mac.addData(timestamp.data(), qsizetype(timestamp.size()));
    mac.addData(".", 1);
    mac.addData(canonical.data(), qsizetype(canonical.size()));
    return "v1," + mac.result().toBase64().toStdString();
}

PortSignature::Check PortSignature::verify(std::string_view message, std::string_view secret,
                                           double nowS)
{
    Check c;
    std::string why;
    std::optional<Node> root = PythonJson::parse(message, &why);
    if (!root || root->type != Node::Type::Object) {
        c.reason = root ? "not a JSON object" : "not JSON that Python reads: " + why;
        return c;
    }
    Node* headers = root->member("headers");
    const Node* sig = headers && headers->type == Node::Type::Object
                          ? headers->member(kSignatureHeader)
                          : nullptr;
    const Node* ts = sig ? headers->member(kTimestampHeader) : nullptr;
    if (!sig || !ts) {
        c.reason = "no headers.X-Port-Signature and headers.X-Port-Timestamp (Port's agent "
                   "skips it: \"Could not find the required headers\")";
        return c;
    }
    c.status = Status::Invalid;
    if (ts->type == Node::Type::Number) {
        double t = 0;
        // from_chars, not stod: the app runs under the user's locale.
        if (std::from_chars(ts->text.data(), ts->text.data() + ts->text.size(), t).ec ==
            std::errc())
            c.ageS = nowS - t;
    }
    if (sig->type != Node::Type::String) {
        c.reason = "X-Port-Signature is not a string";
        return c;
    }
    if (ts->type != Node::Type::Number && ts->type != Node::Type::String) {
        c.reason = "X-Port-Timestamp is neither a number nor a string";
        return c;
    }
    const std::string given = sig->text;
    const std::string stamp = ts->text; // f"{timestamp}": Python's spelling of the value
    headers->remove(kSignatureHeader);
    headers->remove(kTimestampHeader);
    if (hasLoneSurrogate(*root)) {
        c.reason = "it holds a lone UTF-16 surrogate, which Python cannot encode as UTF-8";
        return c;
    }
    const std::string expected = signature(PythonJson::dumps(*root), stamp, secret);
    if (given == expected) {
        c.status = Status::Valid;
        return c;
    }
    c.reason = "the HMAC-SHA256 does not match (another secret, or the message was changed "
               "after signing)";
    return c;
}

bool PortSignature::addressedToAgent(std::string_view message)
{
    if (message.find("invocationMethod") == std::string_view::npos)
        return false; // most messages: no parse needed
    std::string why;
    const std::optional<Node> root = PythonJson::parse(message, &why);
    const Node* n = root ? &*root : nullptr;
    for (const char* key : {"payload", "action", "invocationMethod", "agent"})
        n = n && n->type == Node::Type::Object ? n->member(key) : nullptr;
    return n && n->type == Node::Type::True;
}

const char* PortSignature::statusName(Status s)
{
    switch (s) {
    case Status::Valid:
        return "valid";
    case Status::Invalid:
        return "invalid";
    case Status::Missing:
        break;
    }
    return "missing";
}

} // namespace porthole
