// SPDX-License-Identifier: GPL-3.0-or-later
#include "nodevalidator.h"

#include "jsonnoderange.h"
#include "jsonparser.h"

#include <algorithm>
#include <array>

namespace porthole::NodeValidator {

namespace {

// The fields Port documents for an action node and for a KAFKA node's config.
// `links` and `verbose` are documented for every workflow node (port-reference.md §8).
constexpr std::array kNodeFields = {"identifier", "title",     "icon",  "description",
                                    "config",     "variables", "links", "verbose"};
constexpr std::array kConfigFields = {"type", "payload", "onFailure"};

std::string join(auto const& names)
{
    std::string out;
    for (size_t i = 0; i < names.size(); ++i) {
        if (i)
            out += i + 1 == names.size() ? " and " : ", ";
        out += names[i];
    }
    return out;
}

class Validator
{
public:
    Diagnostics diags;

    void add(Severity s, const char* code, std::string msg, SourceRange r,
             std::optional<Fix> fix = {})
    {
        diags.push_back({s, code, std::move(msg), r, std::move(fix)});
    }

    // Reports a wrong type; returns false when the member is present but mistyped.
    bool expectString(const JsonNode& obj, const char* key, const std::string& path)
    {
        const JsonNode* v = obj.member(key);
        if (!v || v->isString())
            return true;
        add(Severity::Error, "PH1103",
            "\"" + path + "\" must be a string, found " + JsonValue::typeName(v->type), v->range);
        return false;
    }

    void unknownFields(const JsonNode& obj, const auto& known, const std::string& prefix)
    {
        for (size_t i = 0; i < obj.keys.size(); ++i) {
            const auto& k = obj.keys[i];
            if (std::find(known.begin(), known.end(), k) != known.end())
                continue;
            add(Severity::Warning, "PH1109",
                "unknown field \"" + prefix + k + "\"; " +
                    (prefix.empty() ? "an action node has " : "a KAFKA config has ") + join(known) +
                    "; Port may reject or ignore it",
                obj.keyRanges[i]);
        }
    }

    void validateConfig(const JsonNode& config)
    {
        const JsonNode* type = config.member("type");
        if (!type) {
            add(Severity::Error, "PH1110", "missing required field \"config.type\" (\"KAFKA\")",
                openingOf(config));
        } else if (!type->isString()) {
            add(Severity::Error, "PH1105",
                std::string("\"config.type\" must be the string \"KAFKA\", found ") +
                    JsonValue::typeName(type->type),
                type->range, Fix{"Replace with \"KAFKA\"", type->range, "\"KAFKA\""});
        } else if (type->string != "KAFKA") {
            std::string upper;
            for (char c : type->string)
                upper += char(std::toupper(static_cast<unsigned char>(c)));
            add(Severity::Error, "PH1105",
                "\"config.type\" must be \"KAFKA\" for a Kafka action node, found \"" +
                    type->string + "\"" + (upper == "KAFKA" ? " (the type is case-sensitive)" : ""),
                type->range, Fix{"Replace with \"KAFKA\"", type->range, "\"KAFKA\""});
        }

        const JsonNode* payload = config.member("payload");
        if (!payload) {
            add(Severity::Error, "PH1106",
                "missing required field \"config.payload\" (an object or an array of messages)",
                openingOf(config));
        } else if (!payload->isObject() && !payload->isArray()) {
            add(Severity::Error, "PH1106",
                std::string("\"config.payload\" must be an object or an array, found ") +
                    JsonValue::typeName(payload->type),
                payload->range);
        }

        if (const JsonNode* onFailure = config.member("onFailure")) {
            if (!onFailure->isString() ||
                (onFailure->string != "continue" && onFailure->string != "terminate")) {
                const bool cont =
                    onFailure->isString() && onFailure->string.find("cont") != std::string::npos;
                const std::string fix = cont ? "\"continue\"" : "\"terminate\"";
                add(Severity::Error, "PH1107",
                    "\"config.onFailure\" must be \"continue\" or \"terminate\" (the default), "
                    "found " +
                        (onFailure->isString() ? "\"" + onFailure->string + "\""
                                               : std::string(JsonValue::typeName(onFailure->type))),
                    onFailure->range, Fix{"Replace with " + fix, onFailure->range, fix});
            }
        }
        unknownFields(config, kConfigFields, "config.");
    }

    void validate(const JsonNode& root)
    {
        if (!root.isObject()) {
            add(Severity::Error, "PH1101",
                std::string("a node must be a JSON object, found ") +
                    JsonValue::typeName(root.type),
                root.range);
            return;
        }
        const JsonNode* id = root.member("identifier");
        if (!id)
            add(Severity::Error, "PH1102", "missing required field \"identifier\"",
                openingOf(root));
        else if (expectString(root, "identifier", "identifier") && id->string.empty())
            add(Severity::Error, "PH1111", "\"identifier\" must not be empty", id->range);
        for (const char* key : {"title", "icon", "description"})
            expectString(root, key, key);

        const JsonNode* config = root.member("config");
        if (!config)
            add(Severity::Error, "PH1104", "missing required field \"config\"", openingOf(root));
        else if (!config->isObject())
            add(Severity::Error, "PH1103",
                std::string("\"config\" must be an object, found ") +
                    JsonValue::typeName(config->type),
                config->range);
        else
            validateConfig(*config);

        if (const JsonNode* vars = root.member("variables"); vars && !vars->isObject())
            add(Severity::Error, "PH1108",
                std::string("\"variables\" must be an object of templates, found ") +
                    JsonValue::typeName(vars->type),
                vars->range);
        unknownFields(root, kNodeFields, "");
    }
};

} // namespace

Diagnostics validate(const JsonNode& root)
{
    Validator v;
    v.validate(root);
    return std::move(v.diags);
}

Diagnostics lint(std::string_view text)
{
    JsonDocument doc = JsonParser::parse(text);
    Diagnostics out = std::move(doc.diagnostics);
    if (doc.root) {
        Diagnostics more = validate(*doc.root);
        out.insert(out.end(), more.begin(), more.end());
    }
    sortDiagnostics(out);
    return out;
}

} // namespace porthole::NodeValidator
