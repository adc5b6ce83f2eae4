"""openpyxl in read-only mode on the same workbook, reading what `stackplan import` reads.

The way RVTools analysis scripts commonly read an export. Prints one JSON line: seconds, peak RSS, totals.
Usage: python3 bench/inventory-import.py FILE.xlsx
"""
import json
import resource
import sys
import time

import openpyxl

start = time.perf_counter()
book = openpyxl.load_workbook(sys.argv[1], read_only=True, data_only=True)
vinfo = book["vInfo"].iter_rows(values_only=True)
header = [str(h) for h in next(vinfo)]
power, template, cpus, memory, disk = (header.index(n) for n in ("Powerstate", "Template", "CPUs", "Memory", "Provisioned MiB"))
included = vcpu = ram_mib = disk_mib = 0
for row in vinfo:
    if row[power] == "poweredOn" and str(row[template]).lower() != "true":
        included += 1
        vcpu += row[cpus]
        ram_mib += row[memory]
        disk_mib += row[disk]
vhost = book["vHost"].iter_rows(values_only=True)
header = [str(h) for h in next(vhost)]
cores_at = header.index("# Cores")
hosts = cores = 0
for row in vhost:
    hosts += 1
    cores += row[cores_at]
book.close()
seconds = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_SELF)
print(json.dumps({"seconds": seconds, "cpuSeconds": usage.ru_utime + usage.ru_stime, "peakMib": usage.ru_maxrss / 1024, "included": included, "vcpu": vcpu, "hosts": hosts, "cores": cores}))
