"""Reports read from every domain: the dashboard's statistics, the statutory statistical
report forms and the groups' year-end summary reports."""
