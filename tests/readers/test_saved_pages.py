"""Saved web pages (paraphrased, WordPress-like, Drupal-like and bare): the notice is found inside the site around it."""

from __future__ import annotations

from noticegen.model import block_text, notice_text
from noticegen.readers.html import read

NOTICE = """<h2>What Happened</h2>
<p>On March 2, 2024, Lakeside Family Dental learned that an unauthorized person had accessed a staff email
account between February 20 and February 27, 2024.</p>
<h2>What Information Was Involved</h2>
<p>Names, dates of birth and treatment information.</p>
<h2>For More Information</h2>
<p>Call our dedicated line at 1-855-555-0142, Monday through Friday, 8 a.m. to 5 p.m.</p>"""

CHROME = ["Skip to content", "Accept all cookies", "Home", "Patients", "Related posts", "Share on Facebook",
          "Recent news", "All rights reserved", "Subscribe to our newsletter", "Leave a comment"]

WORDPRESS = f"""<!doctype html><html lang="en-US"><head><title>Notice of Data Security Incident &#8211; Lakeside
Family Dental</title></head>
<body class="post-template-default single has-sidebar nav-open">
<a class="skip-link screen-reader-text" href="#content">Skip to content</a>
<div id="cookie-notice" class="cn-banner"><p>We use cookies. Accept all cookies to continue.</p></div>
<header id="masthead" class="site-header"><nav id="site-navigation" class="main-navigation">
<ul id="primary-menu"><li><a href="/">Home</a></li><li><a href="/patients">Patients</a></li></ul></nav></header>
<div id="content" class="site-content"><div id="primary" class="content-area"><main id="main" class="site-main">
<article id="post-42" class="post-42 post type-post">
<header class="entry-header"><h1 class="entry-title">Notice of Data Security Incident</h1></header>
<div class="entry-content">{NOTICE}
<div class="sharedaddy sd-sharing-enabled"><h3>Share this:</h3><ul><li><a href="#">Share on Facebook</a></li></ul></div>
</div>
<footer class="entry-footer"><span class="cat-links">Posted in News</span></footer>
</article>
<section class="related-posts"><h2>Related posts</h2><p>Our new hygienist joins the team.</p></section>
<div id="comments" class="comments-area"><p>Leave a comment</p></div>
</main></div>
<aside id="secondary" class="widget-area"><h2>Recent news</h2><p>Open house on Saturday.</p></aside></div>
<footer id="colophon" class="site-footer"><p>&copy; 2024 Lakeside Family Dental. All rights reserved.</p>
<form class="newsletter"><p>Subscribe to our newsletter</p></form></footer>
</body></html>"""

DRUPAL = f"""<!DOCTYPE html><html lang="en" dir="ltr"><head><title>Notice of Data Security Incident | Lakeside Health</title></head>
<body class="path-node page-node-type-page">
<a href="#main-content" class="visually-hidden focusable skip-link">Skip to main content</a>
<div class="dialog-off-canvas-main-canvas" data-off-canvas-main-canvas>
<div class="layout-container">
<header role="banner"><div class="region region-header"><p>Lakeside Health</p></div></header>
<div class="region region-primary-menu"><nav role="navigation" id="block-mainnavigation"><ul class="menu">
<li class="menu-item"><a href="/">Home</a></li><li class="menu-item"><a href="/patients">Patients</a></li></ul></nav></div>
<div class="region region-breadcrumb"><nav class="breadcrumb" role="navigation"><ol><li><a href="/">Home</a></li></ol></nav></div>
<main role="main"><a id="main-content" tabindex="-1"></a>
<div class="layout-content"><div class="region region-content">
<div id="block-pagetitle" class="block block-core"><h1 class="page-title"><span>Notice of Data Security Incident</span></h1></div>
<div class="field field--name-body field--type-text-with-summary">{NOTICE}</div>
</div></div>
<aside class="layout-sidebar-first" role="complementary"><div class="region"><h2>Recent news</h2><p>Open house on Saturday.</p></div></aside>
</main>
<footer role="contentinfo"><div class="region region-footer"><p>&copy; 2024 Lakeside Health. All rights reserved.</p></div></footer>
</div></div>
<div id="sliding-popup" class="eu-cookie-compliance-banner"><p>Accept all cookies to continue.</p></div>
</body></html>"""

BARE = f"""<html><head><title>Notice</title></head><body>
<div class="top"><a href="/">Home</a> | <a href="/patients">Patients</a> | <a href="/news">Recent news</a></div>
<div class="header"><h1>Notice of Data Security Incident</h1></div>
<div class="content"><div class="col">{NOTICE}</div></div>
<div class="bottom"><a href="/privacy">Privacy</a> | <a href="/terms">Terms</a> | All rights reserved</div>
</body></html>"""


def _check(page: str) -> None:
    notice = read(page)
    text = notice_text(notice)
    assert [s.element for s in notice.sections] == [None, "what_happened", "phi_involved", "contact"]
    assert [block_text(b) for b in notice.sections[0].blocks] == ["Notice of Data Security Incident"]
    assert "1-855-555-0142" in block_text(notice.sections[3].blocks[1])
    leaked = [words for words in CHROME if words in text]
    assert leaked == []


def test_a_wordpress_post_reads_only_its_entry():
    _check(WORDPRESS)


def test_a_drupal_node_reads_only_its_body_and_page_title():
    _check(DRUPAL)


def test_a_bare_page_without_landmarks_reads_the_container_with_the_prose():
    _check(BARE)


def test_a_wrapper_whose_class_names_a_sidebar_is_never_dropped_when_it_holds_the_notice():
    page = f'<html><body><div class="layout has-sidebar"><div class="nav-wrapper">{NOTICE}</div></div></body></html>'
    assert [s.element for s in read(page).sections] == ["what_happened", "phi_involved", "contact"]


def test_an_asp_net_page_wrapped_in_one_form_still_reads_its_notice():
    page = f'<html><body><form id="form1" method="post"><div class="menu"><a href="/">Home</a></div>{NOTICE}</form></body></html>'
    assert [s.element for s in read(page).sections] == ["what_happened", "phi_involved", "contact"]


def test_bold_labels_on_a_cms_page_open_element_sections_like_headings():
    page = """<html><body><main><p>Lakeside Family Dental values the privacy of our patients.</p>
    <p><strong>What Happened?</strong></p><p>On March 2, 2024 we learned that a staff email account was accessed.</p>
    <p><b>What You Can Do</b></p><p>Review the statements from your health plan.</p>
    <p><strong>Sincerely,</strong></p><p><strong>Please read this letter carefully.</strong></p></main></body></html>"""
    notice = read(page)
    assert [s.element for s in notice.sections] == [None, "what_happened", "individual_steps"]
    assert [block_text(b) for b in notice.sections[2].blocks] == [
        "What You Can Do", "Review the statements from your health plan.", "Sincerely,",
        "Please read this letter carefully."]
    assert [type(b).__name__ for b in notice.sections[2].blocks] == ["Heading", "Paragraph", "Paragraph", "Paragraph"]
