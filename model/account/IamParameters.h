#pragma once

// The parameters of one IAM call, checked as IAM checks them before it authorizes
// anything (the constraints of the IAM API reference's data types). Each problem
// becomes one clause of AWS's "N validation errors detected: ..." message, and
// valid() reports them all at once:
//
//   IamParameters p(ctx);
//   const std::string name = p.name("RoleName", kRoleNameMax);
//   const std::string path = p.path();
//   if (!p.valid())
//       return;   // ctx has failed with ValidationError
//
// Readers never throw; a missing or malformed value reads as empty (or the fallback).

#include "AccountApi.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace iam {

// IAM's name limits (IAM API reference, "Length Constraints" of each name type).
inline constexpr std::size_t kUserNameMax = 64;
inline constexpr std::size_t kRoleNameMax = 64;
inline constexpr std::size_t kGroupNameMax = 128;
inline constexpr std::size_t kInstanceProfileNameMax = 128;
inline constexpr std::size_t kPolicyNameMax = 128;

class IamParameters
{
public:
    explicit IamParameters(CallContext &ctx) : m_ctx(ctx) {}

    // A required IAM name: 1..maxLength characters of [\w+=,.@-].
    std::string name(const char *param, std::size_t maxLength);
    // The same, optional: nullopt when absent.
    std::optional<std::string> optionalName(const char *param, std::size_t maxLength);
    // Path: "/" or "/.../" of printable ASCII, at most 512 characters; "/" when absent.
    std::string path(const char *param = "Path");
    // PathPrefix: starts with "/"; "/" when absent.
    std::string pathPrefix(const char *param = "PathPrefix");
    // Free text (Description): at most maxLength characters; nullopt when absent.
    std::optional<std::string> text(const char *param, std::size_t maxLength);
    // A required ARN (20..2048 characters).
    std::string arn(const char *param);
    std::optional<std::string> optionalArn(const char *param);
    // A policy version id: v1, v2, ...
    std::string versionId(const char *param);
    // A whole number in [min, max]; nullopt when absent (a number or its text).
    std::optional<long long> integer(const char *param, long long min, long long max);
    // true / false / "true" / "false"; fallback when absent.
    bool flag(const char *param, bool fallback = false);
    // One of `allowed`; fallback when absent.
    std::string choice(const char *param, const std::vector<std::string> &allowed, std::string fallback);
    // Tags: [{Key, Value}], at most 50, keys 1..128 and values 0..256 characters.
    std::vector<Tag> tags(const char *param = "Tags", bool required = false);
    // TagKeys: required, 1..50 keys.
    std::vector<std::string> tagKeys(const char *param = "TagKeys");
    // A required policy document: the JSON text (as the API takes it) or, from a
    // console, the object itself (kept as its four-space dump).
    std::string document(const char *param);
    // MaxItems and Marker, read for paginate().
    void paging();

    // Fails the call with ValidationError when anything was wrong; true when all is well.
    bool valid();

    std::optional<long long> maxItems() const { return m_maxItems; }
    std::size_t marker() const { return m_marker; }

private:
    const nlohmann::json *value(const char *param) const;
    std::optional<std::string> string(const char *param, bool required);
    void error(const char *param, const std::string &value, const std::string &constraint);
    void error(const std::string &at, const std::string &value, const std::string &constraint);

    CallContext &m_ctx;
    std::vector<std::string> m_errors;
    std::optional<long long> m_maxItems;
    std::size_t m_marker = 0;
};

} // namespace iam
