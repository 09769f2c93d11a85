"""A group's year-end summary report (báo cáo tổng kết): its editable text, the figures read
from the domains, who may read and edit it, and its Word document."""
