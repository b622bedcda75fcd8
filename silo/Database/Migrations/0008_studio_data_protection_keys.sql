-- The keys that sign and encrypt the studio's session and antiforgery cookies, shared by every silo so a cookie one
-- silo issued is good at any other behind the same load balancer. Written by ASP.NET data protection, never updated.
create table data_protection_keys (
    name        text primary key,
    xml         text not null,
    created_at  timestamptz not null default now()
);
