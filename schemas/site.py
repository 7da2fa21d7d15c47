"""Site-wide settings and the labels of the interface (content/site.yaml, content/ui.yaml)."""

from __future__ import annotations

from pydantic import EmailStr, Field, RootModel

from schemas.common import ContentModel, LocalizedText, Text, WebUrl
from schemas.organization import Phone


class Helpdesk(ContentModel):
    """How readers reach the information service."""

    intro: LocalizedText
    """What the helpdesk does, in one or two sentences."""
    website: WebUrl
    """Contact page."""
    email: EmailStr | None = None
    """Contact e-mail address, when published by the service."""
    phones: list[Phone] = []
    """Phone numbers, when published by the service."""
    hours: LocalizedText | None = None
    """When the helpdesk answers."""


class Site(ContentModel):
    """The file content/site.yaml."""

    name: LocalizedText
    """Name of the site, in the header."""
    short_name: LocalizedText
    """A name of 12 characters or fewer, under the icon when the site is installed on a phone."""
    tagline: LocalizedText
    """One sentence under the name on the home page."""
    audience: LocalizedText
    """Who the site is for (home page)."""
    helpdesk: Helpdesk
    """The helpdesk block of the home page."""
    site_url: WebUrl | None = None
    """Public address of the published site (https://.../), for the sitemap; links stay relative."""
    repository_url: WebUrl | None = None
    """Public repository (https://...), for the "edit this page" links; without it pages name their source file."""
    edit_branch: Text = "main"
    """Branch the "edit this page" links open."""
    cms_oauth_url: WebUrl | None = None
    """GitHub or Bitbucket repository: the address of the OAuth client that signs editors in to the CMS
    (Decap's base_url; Netlify's when the site is on Netlify). Not needed for GitLab or Gitea."""
    cms_app_id: Text | None = None
    """GitLab or Gitea repository: the application id of the CMS's OAuth application (sign-in with PKCE,
    no server needed)."""
    licence: LocalizedText
    """Licence of the content, in the footer."""


class UiStrings(RootModel[dict[str, LocalizedText]]):
    """The file content/ui.yaml: every label of the interface, by key, in both languages."""

    root: dict[str, LocalizedText] = Field(min_length=1)
