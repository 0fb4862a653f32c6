#include "AwsCliTable.h"

#include "AwsCliFormatter.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <vector>

namespace iam {

using ordered_json = nlohmann::ordered_json;

namespace {

// Display width: code points (the CLI counts East Asian wide characters twice;
// the account's names are ASCII).
int textLength(const std::string &text)
{
    return static_cast<int>(std::count_if(text.begin(), text.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
}

std::string spaces(int count)
{
    return std::string(static_cast<std::size_t>(std::max(count, 0)), ' ');
}

std::string centerText(const std::string &text, int length, const std::string &leftEdge,
                       const std::string &rightEdge)
{
    const int textLen = textLength(text);
    const int charStart = (length / 2) - (textLen / 2) - 1;
    const int soFar = textLength(leftEdge) + charStart + textLen;
    return leftEdge + spaces(charStart) + text + spaces(length - textLength(rightEdge) - soFar) + rightEdge;
}

std::string alignLeft(const std::string &text, int length, const std::string &leftEdge,
                      const std::string &rightEdge)
{
    const int textLen = textLength(text);
    const int edges = static_cast<int>(leftEdge.size() + rightEdge.size());
    const int padding = length - (textLen + 2 + edges) >= 0 ? 2 : 0;
    const int soFar = static_cast<int>(leftEdge.size()) + padding + textLen;
    return leftEdge + spaces(padding) + text + spaces(length - soFar - static_cast<int>(rightEdge.size()))
        + rightEdge;
}

struct Section
{
    std::string title;
    std::vector<std::string> headers;
    std::vector<std::vector<std::string>> rows;
    int indent = 0;
    std::vector<int> maxWidths;

    void updateWidths(const std::vector<std::string> &cells)
    {
        if (maxWidths.empty()) {
            for (const std::string &cell : cells)
                maxWidths.push_back(textLength(cell));
            return;
        }
        for (std::size_t i = 0; i < cells.size() && i < maxWidths.size(); ++i)
            maxWidths[i] = std::max(maxWidths[i], textLength(cells[i]));
    }
    void addHeader(std::vector<std::string> cells)
    {
        updateWidths(cells);
        headers = std::move(cells);
    }
    void addRow(std::vector<std::string> cells)
    {
        updateWidths(cells);
        rows.push_back(std::move(cells));
    }

    // Columns scaled to fill `maxWidth` exactly; Python's round() rounds half to even,
    // which std::nearbyint does in the default rounding mode.
    std::vector<int> columnWidths(int padding, int maxWidth) const
    {
        std::vector<int> unscaled;
        for (int w : maxWidths)
            unscaled.push_back(w + padding);
        if (unscaled.empty() || maxWidth < 0)
            return unscaled;
        int total = 0;
        for (int w : unscaled)
            total += w;
        const double scale = maxWidth / static_cast<double>(total);
        std::vector<int> scaled;
        for (int w : unscaled)
            scaled.push_back(static_cast<int>(std::nearbyint(scale * w)));
        int offBy = -maxWidth;
        for (int w : scaled)
            offBy += w;
        while (offBy != 0) {
            const int n = static_cast<int>(scaled.size());
            for (int k = 0; k < n && offBy != 0; ++k) {
                const int i = offBy < 0 ? n - 1 - k : k;
                if (offBy > 0) {
                    --scaled[i];
                    --offBy;
                } else {
                    ++scaled[i];
                    ++offBy;
                }
            }
        }
        return scaled;
    }

    int totalWidth() const
    {
        int total = 0;
        for (int w : maxWidths)
            total += w + 4;
        total += 2 + 2 * indent;
        return std::max(textLength(title) + 2 + 2 * indent, total);
    }
};

class TableBuilder
{
public:
    std::vector<Section> sections;

    bool build(const std::string *title, const ordered_json &current, int indent = 0)
    {
        if (falsy(current))
            return false;
        if (title)
            newSection(*title, indent);
        if (current.is_array()) {
            if (current.front().is_object()) {
                subTableFromList(current, indent, title);
            } else {
                for (const ordered_json &item : current) {
                    if (AwsCliFormatter::isScalar(item)) {
                        addRow({AwsCliFormatter::scalarText(item)});
                    } else if (std::all_of(item.begin(), item.end(),
                                           [](const ordered_json &e) { return AwsCliFormatter::isScalar(e); })) {
                        std::vector<std::string> row;
                        for (const ordered_json &e : item)
                            row.push_back(AwsCliFormatter::scalarText(e));
                        addRow(std::move(row));
                    } else {
                        build(nullptr, item);
                    }
                }
            }
        }
        if (current.is_object())
            subTableFromDict(current, indent);
        return true;
    }

private:
    static bool falsy(const ordered_json &value)
    {
        if (value.is_null())
            return true;
        if (value.is_boolean())
            return !value.get<bool>();
        if (value.is_number())
            return value == 0;
        if (value.is_string())
            return value.get<std::string>().empty();
        return value.empty();
    }

    void newSection(const std::string &title, int indent)
    {
        Section section;
        section.title = title;
        section.indent = indent;
        sections.push_back(std::move(section));
    }
    void addRow(std::vector<std::string> row)
    {
        if (sections.empty())
            sections.emplace_back();
        sections.back().addRow(std::move(row));
    }

    static void groupScalarKeys(const ordered_json &object, std::set<std::string> &headers,
                                std::set<std::string> &more)
    {
        for (const auto &[key, value] : object.items())
            (AwsCliFormatter::isScalar(value) ? headers : more).insert(key);
    }

    void subTableFromDict(const ordered_json &current, int indent)
    {
        std::set<std::string> headerSet, moreSet;
        groupScalarKeys(current, headerSet, moreSet);
        const std::vector<std::string> headers(headerSet.begin(), headerSet.end());
        if (headers.size() == 1) {
            addRow({headers[0], AwsCliFormatter::scalarText(current.at(headers[0]))});
        } else if (!headers.empty()) {
            sections.back().addHeader(headers);
            std::vector<std::string> row;
            for (const std::string &key : headers)
                row.push_back(AwsCliFormatter::scalarText(current.at(key)));
            addRow(std::move(row));
        }
        for (const std::string &key : moreSet)
            build(&key, current.at(key), indent + 1);
    }

    void subTableFromList(const ordered_json &current, int indent, const std::string *title)
    {
        std::set<std::string> headerSet, moreSet;
        for (const ordered_json &item : current) {
            if (item.is_object())
                groupScalarKeys(item, headerSet, moreSet);
        }
        const std::vector<std::string> headers(headerSet.begin(), headerSet.end());
        sections.back().addHeader(headers);
        bool first = true;
        for (const ordered_json &element : current) {
            if (!first && !moreSet.empty()) {
                newSection(title ? *title : std::string(), indent);
                sections.back().addHeader(headers);
            }
            first = false;
            std::vector<std::string> row;
            for (const std::string &key : headers)
                row.push_back(element.is_object() && element.contains(key)
                                  ? AwsCliFormatter::scalarText(element.at(key))
                                  : std::string());
            addRow(std::move(row));
            for (const std::string &key : moreSet) {
                if (element.is_object() && element.contains(key))
                    build(&key, element.at(key), indent + 1);
            }
        }
    }
};

void writeLineBreak(std::string &line, const std::vector<int> &widths)
{
    bool first = true;
    for (int width : widths) {
        line += first ? "+" + std::string(std::max(width - 2, 0), '-') + "+"
                      : std::string(std::max(width - 1, 0), '-') + "+";
        first = false;
    }
}

void renderSection(const Section &section, int maxWidth, std::string &out)
{
    const std::string edge(static_cast<std::size_t>(section.indent), '|');
    const auto write = [&](const std::string &line) { out += edge + line + edge + "\n"; };
    maxWidth -= section.indent * 2;
    if (!section.title.empty()) {
        write(centerText(section.title, maxWidth, "|", "|"));
        if (section.headers.empty() && section.rows.empty())
            write("+" + std::string(std::max(maxWidth - 2, 0), '-') + "+");
    }
    const std::vector<int> widths = section.columnWidths(4, maxWidth);
    if (!section.headers.empty()) {
        std::string rule, titles;
        writeLineBreak(rule, widths);
        for (std::size_t i = 0; i < widths.size() && i < section.headers.size(); ++i)
            titles += centerText(section.headers[i], widths[i], i == 0 ? "|" : "", "|");
        write(rule);
        write(titles);
    }
    if (!section.rows.empty() && !widths.empty()) {
        std::string rule;
        writeLineBreak(rule, widths);
        write(rule);
        for (const auto &row : section.rows) {
            std::string line;
            for (std::size_t i = 0; i < widths.size() && i < row.size(); ++i)
                line += alignLeft(row[i], widths[i], i == 0 ? "|" : "", "|");
            write(line);
        }
        write(rule);
    }
}

// A section of one row under headers becomes header/value pairs, one per line.
void convertToVertical(std::vector<Section> &sections)
{
    for (Section &section : sections) {
        if (section.rows.size() != 1 || section.headers.empty())
            continue;
        Section vertical;
        vertical.title = section.title;
        vertical.indent = section.indent;
        for (std::size_t i = 0; i < section.headers.size() && i < section.rows[0].size(); ++i)
            vertical.addRow({section.headers[i], section.rows[0][i]});
        section = std::move(vertical);
    }
}

int maxWidthOf(const std::vector<Section> &sections)
{
    int width = 0;
    for (const Section &section : sections)
        width = std::max(width, section.totalWidth());
    return width;
}

} // namespace

std::string AwsCliTable::render(std::string_view title, const ordered_json &value, int terminalWidth)
{
    TableBuilder builder;
    const std::string name(title);
    if (!builder.build(&name, value))
        return {};
    std::vector<Section> &sections = builder.sections;
    int maxWidth = maxWidthOf(sections);
    if (maxWidth > terminalWidth) {
        convertToVertical(sections);
        maxWidth = maxWidthOf(sections);
    }
    std::string out = std::string(static_cast<std::size_t>(maxWidth), '-') + "\n";
    for (const Section &section : sections)
        renderSection(section, maxWidth, out);
    return out;
}

} // namespace iam
