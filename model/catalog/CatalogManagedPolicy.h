#pragma once

// One AWS-managed policy as ManagedPolicyCatalog holds it: the fields of IAM's
// Policy object that the console shows, and the default version's document.
// (Named apart from model/account's ManagedPolicy, a customer-managed policy, and
// AwsManagedPolicy, what the account asks of a catalog; the fields match the latter's.)

#include <string>

namespace iam {

struct CatalogManagedPolicy
{
    std::string name;               // "AmazonS3ReadOnlyAccess"
    std::string arn;                // "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"
    std::string path = "/";         // "/", "/service-role/", "/job-function/", ...
    std::string description;        // empty for most: the source data has none
    std::string defaultVersionId;   // "v3"
    std::string createDate;         // ISO 8601, "2015-02-06T18:40:59.000Z"; may be empty
    std::string updateDate;         // of the default version; may be empty
    // The default version's document as compact JSON text, in AWS's own member order
    // ("Version", "Statement"; "Effect" before "Action"). ManagedPolicyCatalog::
    // documentText() indents it for display.
    std::string document;
};

} // namespace iam
