/**
 * Property master data: property companies (tenants), projects (小区), buildings, homes,
 * common areas, owners linked to their homes, and staff with their roles and the projects
 * they serve.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Property", allowedDependencies = { "shared" })
package org.suxiu.property;
