"""The news agencies newslint knows, each in its own casing: the default list of the rules
credit-line and dateline (their `agencies` option), kept apart from the credit-line parser so that
reading the configuration does not load it.
"""

#: the first ones are preferred when a misspelling is equally close to two of them
AGENCIES = (
    "dpa", "AFP", "AP", "Reuters", "KNA", "epd", "SID", "dts", "APA", "Keystone-SDA", "dpa-AFX",
    "sda", "KAP", "Kathpress", "idea", "EFE", "ANSA", "Belga", "ANP", "PAP", "TASS", "Interfax",
    "Xinhua", "Kyodo", "Yonhap", "UPI", "Bloomberg", "ddp", "dapd",
)

#: dpa's regional services, credited after it: „(dpa/lby)“ (Bavaria), „(dpa/lnw)“ (North
#: Rhine-Westphalia), „(dpa/lsw)“ (the south-west) …
DPA_SERVICES = frozenset("lby lsw lnw lni lno lhe lrs lsn lsa lth lbn lmv".split())
