#pragma once

// EC2 instances and S3 buckets of the simulated account, as plain data.

#include "IamEntities.h"

#include <string>
#include <vector>

namespace iam {

struct Ec2Instance
{
    std::string id;                    // "i-0abc1234def567890"
    std::string name;                  // the Name tag
    std::string state = "running";     // pending, running, stopping, stopped, terminated
    std::string instanceType = "t2.micro";
    std::string imageId = "ami-0abcdef1234567890";
    std::string region = "us-east-1";
    std::string launchTime;
    std::string instanceProfile;       // instance profile name, or empty
    std::string associationId;         // "iip-assoc-...", set while a profile is associated
};

struct S3Object
{
    std::string key;
    std::string content;
    std::string lastModified;
};

struct S3Bucket
{
    std::string name;
    std::string region = "us-east-1";
    std::string createDate;
    std::string policy;                // bucket policy JSON, or empty
    std::vector<S3Object> objects;     // sorted by key, as S3 lists them
};

} // namespace iam
