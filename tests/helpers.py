"""Small builders shared by tests."""

from __future__ import annotations

import briefing

HEADER = """SCIO briefing on a test topic
Beijing | 3 p.m. Oct. 20, 2023

Speakers:

Mr. Zhao Zhiguo, spokesperson of the Ministry of Industry and Information Technology (MIIT)

Chairperson:

Ms. Xing Huina, spokesperson of the State Council Information Office (SCIO)

Date:

Oct. 20, 2023

Zhao Zhiguo:

"""


def speech(text: str) -> briefing.Briefing:
    """A one-turn briefing of Oct. 20, 2023 in which an official says ``text``."""
    return briefing.parse(HEADER + text + "\n", source="<test>")
