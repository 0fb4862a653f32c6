#pragma once

// What loading a catalog file gives: the catalog, or the error that stopped it
// (`file:line:column: error: message`, through formatDiagnostic()).

#include "Diagnostic.h"

#include <memory>

namespace iam {

template <typename Catalog>
struct CatalogLoadResult
{
    // Immutable once loaded, so one instance can serve every thread.
    std::shared_ptr<const Catalog> catalog;
    // Set when `catalog` is null; code "CATALOG_IO", "JSON_SYNTAX" or "CATALOG_FORMAT".
    Diagnostic error;

    bool ok() const { return catalog != nullptr; }
};

} // namespace iam
